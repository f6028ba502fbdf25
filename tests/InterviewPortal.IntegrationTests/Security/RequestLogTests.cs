using System.Net;
using System.Text;
using InterviewPortal.IntegrationTests.Infrastructure;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>What an operator reads on exam day: a refused bad body is the 400 the caller got, not an error.</summary>
public class RequestLogTests
{
    [Fact]
    public async Task A_refused_bad_body_is_logged_as_its_400_without_a_stack_trace_and_static_files_are_not_logged()
    {
        var logs = Path.Combine(Path.GetTempPath(), "portal-request-log", Guid.NewGuid().ToString("N"));
        using (var portal = new PortalFactory())
        {
            portal.Settings["Logging:Folder"] = logs;
            var admin = await portal.ClientForStaffAsync("admin");
            var refused = await admin.PostAsync("/api/v1/colleges", new StringContent("{\"name\": 12", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/css/site.css")).StatusCode);
        } // disposing the host flushes and closes the log file

        try
        {
            var text = string.Concat(Directory.GetFiles(logs, "portal-*.log").Select(File.ReadAllText));
            Assert.Matches(@"\[INF\] Serilog\.AspNetCore\.RequestLoggingMiddleware: HTTP POST /api/v1/colleges responded 400", text);
            Assert.Contains("Refused POST /api/v1/colleges with 400", text);
            Assert.DoesNotContain("responded 500", text);
            Assert.DoesNotContain("BadHttpRequestException", text);
            Assert.DoesNotContain("[ERR]", text);
            Assert.DoesNotContain("/css/site.css", text);
        }
        finally
        {
            try { Directory.Delete(logs, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Past_the_budget_healthy_fast_reads_get_no_line_of_their_own_and_refusals_and_writes_still_do()
    {
        var logs = Path.Combine(Path.GetTempPath(), "portal-request-log", Guid.NewGuid().ToString("N"));
        using (var portal = new PortalFactory())
        {
            portal.Settings["Logging:Folder"] = logs;
            portal.Settings["Logging:Requests:FullPerSecond"] = "0";
            portal.Settings["Logging:Requests:SampleEvery"] = "1000000";
            var admin = await portal.ClientForStaffAsync("admin");
            for (var i = 0; i < 3; i++)
                Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/me")).StatusCode);
            var refused = await admin.PostAsync("/api/v1/colleges", new StringContent("{\"name\": 12", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        try
        {
            var text = string.Concat(Directory.GetFiles(logs, "portal-*.log").Select(File.ReadAllText));
            Assert.DoesNotContain("HTTP GET /health/live responded 200", text);
            Assert.Contains("HTTP GET /api/v1/me responded 403", text);
            Assert.Contains("HTTP POST /api/v1/colleges responded 400", text);
        }
        finally
        {
            try { Directory.Delete(logs, recursive: true); } catch (IOException) { }
        }
    }
}
