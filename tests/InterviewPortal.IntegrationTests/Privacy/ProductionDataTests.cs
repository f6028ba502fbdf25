using System.Net;
using System.Net.Http.Json;
using InterviewPortal.Data.Staff;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Privacy;

/// <summary>Production rules that live in the database: the key ring encrypted by a certificate, demo accounts retired.</summary>
public abstract class ProductionDataTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Keys_written_under_a_certificate_hold_no_plaintext_master_key_and_still_open_tokens()
    {
        using var certificate = new TestCertificate();
        using var portal = new PortalFactory(provider);
        portal.Settings["DataProtection:CertificatePath"] = certificate.Path;
        portal.Settings["DataProtection:CertificatePassword"] = TestCertificate.Password;

        // A bearer token is protected with the ring, and read back with it on the next request.
        var admin = await portal.ClientForStaffAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/candidates")).StatusCode);

        var keys = await portal.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Without_a_certificate_the_master_key_is_stored_in_plain_xml()
    {
        // The other side of the test above, so it can fail: the same check finds the plaintext key when nothing encrypts it.
        using var portal = new PortalFactory(provider, demo: false);
        _ = portal.CreateClient();
        var keys = await portal.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.Contains(keys, xml => xml.Contains("<masterKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_accounts_left_in_a_production_database_are_disabled_and_a_changed_one_is_kept()
    {
        using var demo = new PortalFactory(provider); // seeds the demo university, as a demo install would have
        _ = demo.CreateClient();
        const string changed = "Changed#Password2026";
        await ChangePasswordAsync(demo, "secretary2", changed);

        using var production = new ProductionPortal(provider);
        production.Settings["ConnectionStrings:Portal"] = demo.Database.ConnectionString;
        var client = production.CreateClient();

        foreach (var userName in new[] { "admin", "secretary1", "assistant1", "assistant2" })
        {
            var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = PortalFactory.DemoPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        var accounts = await production.WithDbAsync(db => db.Users.ToDictionaryAsync(u => u.UserName!));
        foreach (var userName in new[] { "admin", "secretary1", "secretary2", "assistant1", "assistant2" })
            Assert.True(accounts.ContainsKey(userName), userName);
        Assert.All(accounts.Values.Where(u => u.UserName != "secretary2"), u =>
        {
            Assert.NotNull(u.DisabledAt);
            Assert.Null(u.PasswordHash);
        });
        Assert.Null(accounts["secretary2"].DisabledAt);
        var kept = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "secretary2", password = changed });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);

        production.Dispose();
        var lines = production.LogText().Split('\n').Where(l => l.Contains("Demo accounts", StringComparison.Ordinal)).ToList();
        Directory.Delete(production.LogFolder, recursive: true);
        Assert.Single(lines);
        Assert.Contains("secretary1", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("secretary2", lines[0], StringComparison.Ordinal);
    }

    private static async Task ChangePasswordAsync(PortalFactory portal, string userName, string password)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName);
        Assert.True((await users.RemovePasswordAsync(user!)).Succeeded);
        var added = await users.AddPasswordAsync(user!, password);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
    }
}

public sealed class SqliteProductionDataTests() : ProductionDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresProductionDataTests() : ProductionDataTests(DatabaseProvider.PostgreSql);
