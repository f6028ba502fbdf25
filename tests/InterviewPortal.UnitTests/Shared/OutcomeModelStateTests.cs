using InterviewPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InterviewPortal.UnitTests.Shared;

/// <summary>The page mapping: field errors next to their fields under the form's prefix, any other refusal as a form-level message.</summary>
public class OutcomeModelStateTests
{
    private static string[] Messages(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToArray() : [];

    [Fact]
    public void A_success_adds_nothing_and_says_so()
    {
        var state = new ModelStateDictionary();

        Assert.False(Outcome.Success(1).AddTo(state, "Input"));
        Assert.Equal(0, state.ErrorCount);
    }

    [Fact]
    public void A_field_error_goes_under_the_prefix_and_the_field_in_PascalCase()
    {
        var state = new ModelStateDictionary();
        Outcome<int> outcome = Outcome.Invalid("majorId", "No such major in your college.");

        Assert.True(outcome.AddTo(state, "Input"));
        Assert.Equal(["No such major in your college."], Messages(state, "Input.MajorId"));
        Assert.Equal(1, state.ErrorCount);
    }

    [Fact]
    public void A_clash_is_shown_at_its_field_not_at_the_top()
    {
        var state = new ModelStateDictionary();
        Outcome<int> outcome = Outcome.Clash("code", "A college with code CS already exists.");

        Assert.True(outcome.AddTo(state, "College"));
        Assert.Equal(["A college with code CS already exists."], Messages(state, "College.Code"));
        Assert.Empty(Messages(state, string.Empty));
    }

    [Fact]
    public void A_reason_without_a_field_is_a_form_level_message_in_the_summary_by_default()
    {
        var state = new ModelStateDictionary();
        Outcome<int> outcome = Outcome.Conflict("Verification 3 is no longer pending.");

        Assert.True(outcome.AddTo(state, "Reason"));
        Assert.Equal(["Verification 3 is no longer pending."], Messages(state, string.Empty));
    }

    [Fact]
    public void A_page_with_several_forms_gets_the_reason_under_the_form_s_key_and_its_own_field_names()
    {
        var state = new ModelStateDictionary();
        Outcome<int> conflict = Outcome.Conflict("The slot collides with interview 5.");
        Outcome<int> invalid = Outcome.Invalid("startsAt", "The time is outside the daily windows.");

        conflict.AddTo(state, "Book", formKey: "Book");
        invalid.AddTo(state, "Move", formKey: "Move", field => field == "startsAt" ? "Time" : field);

        Assert.Equal(["The slot collides with interview 5."], Messages(state, "Book"));
        Assert.Equal(["The time is outside the daily windows."], Messages(state, "Move.Time"));
    }

    [Fact]
    public void Without_a_prefix_the_field_is_the_key()
    {
        var state = new ModelStateDictionary();
        Outcome<int> outcome = Outcome.OnFields(OutcomeKind.TooMany, new Dictionary<string, string[]> { ["newPhone"] = ["At most 3 a day."] });

        Assert.True(outcome.AddTo(state, prefix: ""));
        Assert.Equal(["At most 3 a day."], Messages(state, "NewPhone"));
    }

    [Fact]
    public void The_one_line_message_is_the_field_messages_else_the_reason()
    {
        Outcome<int> fields = Outcome.Invalid(new Dictionary<string, string[]> { ["password"] = ["Too short.", "Needs a digit."] });
        Outcome<int> reason = Outcome.Conflict("You cannot disable your own account.");

        Assert.Equal("Too short. Needs a digit.", fields.Message);
        Assert.Equal("You cannot disable your own account.", reason.Message);
    }
}
