using System.Text.Json.Nodes;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Foundation;

/// <summary>
/// The OpenAPI document is what a client generator reads: every /api route names what it answers on success
/// (status and shape), the refusals it can give as problem details, and whether it needs the bearer token.
/// Read from the live document and checked against the live endpoint list, so a new route without its
/// description fails here.
/// </summary>
public class OpenApiDocumentTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    // The two successes that carry no body on purpose: a code request never says whether the number is known,
    // and a new staff account is read from the list (there is no single-account route).
    private static readonly HashSet<string> SuccessWithoutBody = ["POST /api/v1/candidate/auth/code", "POST /api/v1/staff"];

    [Fact]
    public async Task Every_api_operation_documents_its_success_status_and_body()
    {
        var missing = new List<string>();
        foreach (var (name, operation) in await OperationsAsync())
        {
            var successes = Responses(operation).Where(r => r.Key.StartsWith('2')).ToList();
            if (successes.Count == 0)
                missing.Add($"{name}: no 2xx response");
            else if (!SuccessWithoutBody.Contains(name) && !successes.Any(r => r.Key == "204" || HasSchema(r.Value)))
                missing.Add($"{name}: {string.Join(",", successes.Select(r => r.Key))} without a body schema");
        }
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Every_refusal_is_documented_as_a_problem_detail()
    {
        var wrong = new List<string>();
        foreach (var (name, operation) in await OperationsAsync())
            foreach (var (status, response) in Responses(operation).Where(r => r.Key.StartsWith('4')))
                if (response?["content"]?["application/problem+json"]?["schema"] is null)
                    wrong.Add($"{name} {status}");
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Operations_that_need_a_sign_in_say_so_and_document_401_and_403()
    {
        var guarded = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var operations = (await OperationsAsync()).ToDictionary(o => o.Name, o => o.Operation);

        Assert.NotEmpty(guarded);
        var wrong = new List<string>();
        foreach (var name in guarded)
        {
            if (!operations.TryGetValue(name, out var operation))
            {
                wrong.Add($"{name}: not in the document");
                continue;
            }
            var statuses = Responses(operation).Select(r => r.Key).ToHashSet();
            if (!statuses.Contains("401") || !statuses.Contains("403"))
                wrong.Add($"{name}: 401/403 missing");
            if (operation["security"] is not JsonArray { Count: > 0 } security || security[0]?["Bearer"] is null)
                wrong.Add($"{name}: no bearer requirement");
        }
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("PUT /api/v1/interviews/{id}/id-photo", "photo")]
    [InlineData("POST /api/v1/candidates/import", "file")]
    [InlineData("POST /api/v1/me/phone-change-requests", "idCard,admissionTicket,newPhone,reason")]
    public async Task Multipart_uploads_name_their_fields(string name, string fields)
    {
        var operation = (await OperationsAsync()).Single(o => o.Name == name).Operation;

        var properties = operation["requestBody"]?["content"]?["multipart/form-data"]?["schema"]?["properties"]?.AsObject();

        Assert.NotNull(properties);
        Assert.Equal(fields.Split(',').Order(), properties.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Schema_names_are_plain_words_a_client_generator_can_use()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();

        Assert.Contains("PagedOfCandidateListItem", schemas);
        Assert.DoesNotContain(schemas, s => s.IndexOfAny(['`', '[', ',', ' ', '=']) >= 0);
    }

    private async Task<JsonNode> DocumentAsync()
    {
        var admin = await portal.ClientForStaffAsync("admin");
        return JsonNode.Parse(await admin.GetStringAsync("/swagger/v1/swagger.json"))!;
    }

    private async Task<List<(string Name, JsonNode Operation)>> OperationsAsync()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(o => ($"{o.Key.ToUpperInvariant()} {p.Key}", o.Value!))).ToList();
        Assert.True(operations.Count > 80, $"only {operations.Count} operations in the document");
        return operations;
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Responses(JsonNode operation) =>
        operation["responses"]?.AsObject() ?? [];

    private static bool HasSchema(JsonNode? response) =>
        response?["content"]?.AsObject().Any(c => c.Value?["schema"] is not null) == true;

    // "/api/v1/interviews/{id:int}" in the route table is "/api/v1/interviews/{id}" in the document.
    private static string Normalize(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern.TrimEnd('/'), @"\{(\w+):[^}]+\}", "{$1}");
}
