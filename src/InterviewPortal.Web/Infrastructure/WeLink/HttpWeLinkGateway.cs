using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.WeLink;

/// <summary>
/// The real gateway: WeLink Open Platform for messages and the address book (welink-api.md section A);
/// the meetings are <see cref="HttpWeLinkMeetings"/>.
/// </summary>
public sealed class HttpWeLinkGateway(WeLinkApi api, WeLinkCaches caches, IOptions<WeLinkOptions> options) : IWeLinkGateway
{
    private static readonly TimeSpan UserCacheLifetime = TimeSpan.FromHours(6);
    private WeLinkOptions O => options.Value;

    public async Task SendMessageAsync(CandidateMessage message, CancellationToken ct)
    {
        var userId = await FindUserIdByPhoneAsync(message.Phone, ct)
            ?? throw new WeLinkException("no-account", "No WeLink account has that mobile number.");
        await api.OpenAsync(HttpMethod.Post, "/api/messages/v2/card/common", new
        {
            msgOwner = O.MessageOwner,
            publicAccID = O.PublicAccountId,
            msgRange = "0",
            toUserList = new[] { userId },
            msgTitle = Utf8Prefix(message.Title, 128),
            msgContent = Utf8Prefix(message.Text, 512),
            receiveDeviceType = "2",
        }, ct);
    }

    public async Task<string?> FindUserIdByPhoneAsync(string phone, CancellationToken ct)
    {
        if (caches.Users.TryGetValue(phone, out var cached) && cached.Until > caches.Clock.GetUtcNow())
            return cached.UserId;
        JsonNode? node;
        try
        {
            node = await api.OpenAsync(HttpMethod.Get, $"/api/contact/v1/users?mobileNumber={Uri.EscapeDataString(WeLinkPhone(phone))}", null, ct);
        }
        catch (WeLinkException e) when (e.Code == "47001")
        {
            return null; // no such user
        }
        var userId = node?["userId"]?.ToString();
        if (string.IsNullOrEmpty(userId))
            return null;
        caches.Users[phone] = (userId, caches.Clock.GetUtcNow() + UserCacheLifetime);
        return userId;
    }

    public async Task<string> ProvisionDepartmentAsync(DepartmentRequest request, CancellationToken ct)
    {
        var dept = new
        {
            corpDeptCode = request.Code,
            corpParentCode = request.ParentId ?? "0",
            deptNameCn = request.Name,
            deptNameEn = request.Code,
            deptLevel = request.ParentId is null ? "1" : "2",
            managerId = "",
            valid = "1",
            orderNo = "1000",
        };
        await api.OpenAsync(HttpMethod.Post, "/api/contact/v2/departments/bulk", new { deptInfo = new[] { dept } }, ct);
        for (var poll = 0; poll < O.StatusPolls; poll++)
        {
            var node = await api.OpenAsync(HttpMethod.Post, "/api/contact/v2/departments/status", new { deptInfo = new[] { new { corpDeptCode = request.Code } } }, ct);
            var item = (node?["data"] as JsonArray)?.FirstOrDefault();
            switch (item?["code"]?.ToString())
            {
                case "47119":
                    return request.Code;
                case "47114":
                    throw new WeLinkException("47114", item?["message"]?.ToString() ?? "Department sync failed.");
            }
            await Task.Delay(TimeSpan.FromSeconds(O.StatusPollSeconds), ct);
        }
        throw new WeLinkException("pending", $"Department {request.Code} is still being processed.");
    }

    public async Task<string> ProvisionAccountsAsync(IReadOnlyList<AccountRequest> accounts, CancellationToken ct)
    {
        if (accounts.Count is 0 or > 10)
            throw new ArgumentOutOfRangeException(nameof(accounts), "WeLink takes 1 to 10 accounts a request.");
        await api.OpenAsync(HttpMethod.Post, "/api/contact/v1/users/bulk", new
        {
            personInfo = accounts.Select(a => new
            {
                corpUserId = a.Phone,
                userNameCn = a.Name,
                userNameEn = a.Phone,
                mobileNumber = WeLinkPhone(a.Phone),
                corpDeptCode = a.DepartmentId,
                isOpenAccount = "1",
                valid = "1",
            }).ToArray(),
        }, ct);
        return "users:" + string.Join(',', accounts.Select(a => a.Phone));
    }

    public async Task<AccountBatchStatus> GetProvisioningStatusAsync(string taskId, CancellationToken ct)
    {
        var phones = taskId.StartsWith("users:", StringComparison.Ordinal) ? taskId[6..].Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
        var node = await api.OpenAsync(HttpMethod.Post, "/api/contact/v1/users/status", new { personInfo = phones.Select(p => new { corpUserId = p }).ToArray() }, ct);
        var results = new List<AccountResult>();
        var finished = true;
        foreach (var item in (node?["data"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var phone = item["corpUserId"]?.ToString() ?? "";
            switch (item["code"]?.ToString())
            {
                case "47109" or "47107":
                    results.Add(new AccountResult(phone, await FindUserIdByPhoneAsync(phone, ct), null));
                    break;
                case "47108" or "47118": // [I] still processing
                    finished = false;
                    results.Add(new AccountResult(phone, null, null));
                    break;
                default:
                    results.Add(new AccountResult(phone, null, $"{item["code"]}: {item["message"]}"));
                    break;
            }
        }
        return new AccountBatchStatus(finished, results);
    }

    private string WeLinkPhone(string phone) => string.Format(CultureInfo.InvariantCulture, O.PhoneFormat, phone);

    private static string Utf8Prefix(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
            return text;
        var end = text.Length;
        while (end > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > maxBytes - 3)
            end--;
        if (end > 0 && char.IsHighSurrogate(text[end - 1]))
            end--;
        return text[..end] + "…";
    }
}
