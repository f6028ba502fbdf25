using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace InterviewPortal.Web.Infrastructure.WeLink;

/// <summary>Both vendor envelopes into one error: WeLink's <c>{code, message}</c> (code "0" = ok) and Cloud Meeting's <c>{error_code, error_msg}</c>.</summary>
public static class WeLinkEnvelope
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static WeLinkException? Error(HttpStatusCode status, string body, out JsonNode? node)
    {
        node = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                node = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                node = null;
            }
        }
        var http = (int)status;
        if (node is JsonObject o)
        {
            if (o["error_code"] is { } errorCode && errorCode.ToString() is { Length: > 0 } ec)
                return new WeLinkException(ec, o["error_msg"]?.ToString() ?? status.ToString(), http);
            if (o["code"] is { } code && code.ToString() is var c && c != "0")
                return new WeLinkException(c, o["message"]?.ToString() ?? status.ToString(), http);
        }
        if (http is < 200 or > 299)
            return new WeLinkException(http.ToString(System.Globalization.CultureInfo.InvariantCulture), status.ToString(), http);
        return null;
    }
}
