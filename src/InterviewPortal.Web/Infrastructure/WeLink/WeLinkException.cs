namespace InterviewPortal.Web.Infrastructure.WeLink;

/// <summary>
/// Any refusal from WeLink or Cloud Meeting, whichever envelope it came in (<c>code/message</c> or
/// <c>error_code/error_msg</c>), with the vendor's own code (e.g. "48503", "USG.000000004").
/// </summary>
public sealed class WeLinkException(string code, string message, int? httpStatus = null, Exception? inner = null)
    : Exception($"WeLink {code}: {message}", inner)
{
    public string Code { get; } = code;
    public string VendorMessage { get; } = message;
    public int? HttpStatus { get; } = httpStatus;

    public bool IsThrottle => Code is "48503" or "100000429" || HttpStatus == 429;
}
