using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Candidates;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Import;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Import;

/// <summary>The import page's template downloads: what a secretary gets back is a file the import itself accepts.</summary>
public abstract class ImportTemplateTests(PortalFactory portal)
{
    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInStaffAsync(user)).StatusCode);
        return client;
    }

    [Theory]
    [InlineData("secretary1", "xlsx", "zh-CN")]
    [InlineData("secretary1", "csv", "zh-CN")]
    [InlineData("secretary2", "xlsx", "en-US")]
    [InlineData("secretary2", "csv", "en-US")]
    [InlineData("admin", "xlsx", "zh-CN")]
    [InlineData("admin", "csv", "en-US")]
    public async Task Each_template_posted_back_as_a_dry_run_reports_one_valid_row_and_no_errors(string user, string format, string culture)
    {
        var page = await SignedInAsync(user);
        var before = await portal.WithDbAsync(db => db.Candidates.CountAsync());

        var response = await page.GetAsync($"/Candidates/Import?handler=Template&format={format}&culture={culture}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(format == "xlsx" ? ImportTemplate.XlsxType : ImportTemplate.CsvType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith($".{format}", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // Our own reader reads it back: a real workbook (an OpenXML zip) or a CSV, the header and one example row.
        var table = CandidateFileReader.Read(bytes);
        Assert.Equal(format == "xlsx", bytes is [(byte)'P', (byte)'K', 3, 4, ..]);
        Assert.Equal(culture == "en-US" ? ["examNumber", "name", "idNumber", "phone", "majorCode"] : ["考生编号", "姓名", "证件号码", "手机号", "专业代码"], table.Headers);
        Assert.Single(table.Rows);

        var api = await portal.ClientForStaffAsync(user);
        var dryRun = await CandidateData.ImportAsync(api, bytes, $"template.{format}", dryRun: true);

        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var body = await dryRun.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("created").GetInt32() + body.GetProperty("updated").GetInt32());
        Assert.Equal(0, body.GetProperty("errors").GetArrayLength());
        Assert.Equal(before, await portal.WithDbAsync(db => db.Candidates.CountAsync()));
    }

    [Fact]
    public async Task The_example_row_uses_a_major_of_the_secretarys_own_college()
    {
        var (_, _, code) = await CandidateData.MajorOfAsync(portal, "secretary2");
        var page = await SignedInAsync("secretary2");

        var table = CandidateFileReader.Read(await page.GetByteArrayAsync("/Candidates/Import?handler=Template&format=csv"));

        Assert.Equal(code, table.Rows[0].Cells[4].Value);
    }

    [Fact]
    public async Task An_assistant_gets_no_template_and_an_unknown_format_is_404()
    {
        var assistant = await SignedInAsync("assistant1");
        var refused = await assistant.GetAsync("/Candidates/Import?handler=Template&format=xlsx");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEqual(ImportTemplate.XlsxType, refused.Content.Headers.ContentType?.MediaType);

        var secretary = await SignedInAsync("secretary1");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync("/Candidates/Import?handler=Template&format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync("/Candidates/Import?handler=Template")).StatusCode);
    }
}

public sealed class SqliteImportTemplateTests(SqlitePortalFactory portal) : ImportTemplateTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresImportTemplateTests(PostgresPortalFactory portal) : ImportTemplateTests(portal), IClassFixture<PostgresPortalFactory>;
