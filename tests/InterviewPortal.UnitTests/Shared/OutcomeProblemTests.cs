using System.Globalization;
using InterviewPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewPortal.UnitTests.Shared;

/// <summary>The API mapping: every kind of refusal is its status and title, the reason its detail, the fields under "errors".</summary>
public class OutcomeProblemTests
{
    // The titles are localized: these read the en-US ones, what the API answers to Accept-Language: en-US.
    private static ProblemHttpResult Problem(Outcome<int> outcome) => Assert.IsType<ProblemHttpResult>(English(() => outcome.ToProblem()));

    private static T English<T>(Func<T> work)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void A_success_goes_through_the_endpoint_s_own_result_with_its_value()
    {
        var result = Outcome.Success(42).ToResult(id => TypedResults.Created($"/things/{id}", id));

        var created = Assert.IsType<Created<int>>(result);
        Assert.Equal("/things/42", created.Location);
        Assert.Equal(42, created.Value);
    }

    [Fact]
    public void A_success_is_never_a_problem()
    {
        Assert.Throws<InvalidOperationException>(() => Outcome.Success(1).ToProblem());
    }

    [Fact]
    public void Not_found_is_a_404_with_the_reason_and_no_errors()
    {
        var problem = Problem(Outcome.NotFound("Interview 7 was not found."));

        Assert.Equal(404, problem.StatusCode);
        Assert.Equal("Not found", problem.ProblemDetails.Title);
        Assert.Equal("Interview 7 was not found.", problem.ProblemDetails.Detail);
        Assert.False(problem.ProblemDetails.Extensions.ContainsKey("errors"));
    }

    [Fact]
    public void A_conflict_is_a_409_whose_detail_is_the_reason()
    {
        var problem = Problem(Outcome.Conflict("Interview 7 is Completed."));

        Assert.Equal(409, problem.StatusCode);
        Assert.Equal("Conflict", problem.ProblemDetails.Title);
        Assert.Equal("Interview 7 is Completed.", problem.ProblemDetails.Detail);
        Assert.False(problem.ProblemDetails.Extensions.ContainsKey("errors"));
    }

    [Fact]
    public void A_clash_is_a_409_that_names_its_field_under_errors()
    {
        var problem = Problem(Outcome.Clash("examNumber", "Another candidate already has this exam number."));

        Assert.Equal(409, problem.StatusCode);
        Assert.Equal("Another candidate already has this exam number.", problem.ProblemDetails.Detail);
        var errors = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string[]>>(problem.ProblemDetails.Extensions["errors"]);
        Assert.Equal(["Another candidate already has this exam number."], errors["examNumber"]);
    }

    [Fact]
    public void Field_errors_are_a_400_validation_problem_keyed_by_field()
    {
        var result = English(() => ((Outcome<int>)Outcome.Invalid("durationMinutes", "90 minutes do not fit.")).ToProblem());

        var validation = Assert.IsType<ValidationProblem>(result);
        Assert.Equal(400, validation.StatusCode);
        Assert.Equal("One or more fields are invalid.", validation.ProblemDetails.Title);
        Assert.Null(validation.ProblemDetails.Detail);
        Assert.Equal(["90 minutes do not fit."], validation.ProblemDetails.Errors["durationMinutes"]);
    }

    [Theory]
    [InlineData(OutcomeKind.Forbidden, 403, "Forbidden")]
    [InlineData(OutcomeKind.Unreadable, 400, "The request could not be read.")]
    [InlineData(OutcomeKind.TooLarge, 413, "The request is too large.")]
    [InlineData(OutcomeKind.UnsupportedMediaType, 415, "Unsupported media type.")]
    [InlineData(OutcomeKind.TooMany, 429, "Too many requests")]
    public void Each_other_refusal_has_its_own_status_and_title(OutcomeKind kind, int status, string title)
    {
        Outcome<int> outcome = kind switch
        {
            OutcomeKind.Forbidden => Outcome.Forbidden("why"),
            OutcomeKind.Unreadable => Outcome.Unreadable("why"),
            OutcomeKind.TooLarge => Outcome.TooLarge("why"),
            OutcomeKind.UnsupportedMediaType => Outcome.UnsupportedMediaType("why"),
            _ => Outcome.TooMany("why"),
        };

        var problem = Problem(outcome);

        Assert.Equal(status, problem.StatusCode);
        Assert.Equal(title, problem.ProblemDetails.Title);
        Assert.Equal("why", problem.ProblemDetails.Detail);
    }

    [Fact]
    public void A_refusal_on_fields_keeps_its_status_and_names_each_field()
    {
        var problem = Problem(Outcome.OnFields(OutcomeKind.UnsupportedMediaType, new Dictionary<string, string[]>
        {
            ["idCard"] = ["Only a JPEG or PNG image is accepted."],
            ["admissionTicket"] = ["Only a JPEG or PNG image is accepted."],
        }));

        Assert.Equal(415, problem.StatusCode);
        var errors = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string[]>>(problem.ProblemDetails.Extensions["errors"]);
        Assert.Equal(["admissionTicket", "idCard"], errors.Keys.Order());
    }
}
