using System.Text.RegularExpressions;

namespace InterviewPortal.IntegrationTests.Infrastructure;

/// <summary>Posts Razor Page forms the way a browser does: fetch the page, take its antiforgery token, post the fields.</summary>
public static partial class PageForms
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
            throw new InvalidOperationException($"No antiforgery token on {formPage ?? url}.");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>Signs a staff member in through /Account/Login; the client keeps the cookie.</summary>
    public static async Task<HttpResponseMessage> SignInStaffAsync(this HttpClient client, string userName, string password = PortalFactory.DemoPassword) =>
        await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
