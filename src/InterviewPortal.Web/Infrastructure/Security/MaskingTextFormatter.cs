using System.Globalization;
using InterviewPortal.Web.Infrastructure.Privacy;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace InterviewPortal.Web.Infrastructure.Security;

/// <summary>
/// The last line of defence before a log sink: masks ID and mobile numbers in the whole rendered event,
/// including exception messages and stack traces, which the property enricher cannot reach (a framework
/// exception such as "Failed to bind parameter ... from "13812345678"" carries the raw input).
/// </summary>
public sealed class MaskingTextFormatter(ITextFormatter inner) : ITextFormatter
{
    public const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static MaskingTextFormatter WithTemplate(string template) =>
        new(new MessageTemplateTextFormatter(template, CultureInfo.InvariantCulture));

    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        inner.Format(logEvent, buffer);
        output.Write(PersonalData.MaskText(buffer.ToString()));
    }
}
