using InterviewPortal.Web.Infrastructure.Logging;
using InterviewPortal.Web.Infrastructure.Privacy;
using Serilog.Events;
using Serilog.Parsing;

namespace InterviewPortal.UnitTests.Privacy;

public class PersonalDataTests
{
    [Theory]
    [InlineData("51010519900101123X", "5101**********123X")]
    [InlineData("110105194912310021", "1101**********0021")]
    public void Id_numbers_keep_four_characters_at_each_end(string id, string masked) =>
        Assert.Equal(masked, PersonalData.MaskIdNumber(id));

    [Fact]
    public void Phones_keep_three_digits_in_front_and_four_at_the_end() =>
        Assert.Equal("138****5678", PersonalData.MaskPhone("13812345678"));

    [Theory]
    [InlineData("login failed for 13812345678", "login failed for 138****5678")]
    [InlineData("/api/v1/candidates?q=51010519900101123X&x=1", "/api/v1/candidates?q=5101**********123X&x=1")]
    [InlineData("phone:+8613812345678.", "phone:+86138****5678.")]
    public void Free_text_is_masked_wherever_a_number_appears(string text, string masked) =>
        Assert.Equal(masked, PersonalData.MaskText(text));

    [Theory]
    [InlineData("exam number 104872026000001 stays")]
    [InlineData("order 123456789012345678901 is not an id")]
    [InlineData("no digits here")]
    public void Exam_numbers_and_longer_digit_runs_are_left_alone(string text) =>
        Assert.Equal(text, PersonalData.MaskText(text));

    [Fact]
    public void The_log_enricher_masks_scalar_and_nested_properties()
    {
        var template = new MessageTemplateParser().Parse("Sign-in for {Phone} with {@Candidate}");
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, template,
        [
            new LogEventProperty("Phone", new ScalarValue("13912345678")),
            new LogEventProperty("Candidate", new StructureValue([new LogEventProperty("IdNumber", new ScalarValue("51010519900101123X"))])),
        ]);

        new PersonalDataMaskingEnricher().Enrich(logEvent, null!);

        var rendered = logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("139****5678", rendered, StringComparison.Ordinal);
        Assert.Contains("5101**********123X", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("51010519900101123X", rendered, StringComparison.Ordinal);
    }
}
