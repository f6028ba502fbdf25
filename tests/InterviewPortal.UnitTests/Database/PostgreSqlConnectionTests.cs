using InterviewPortal.Data;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace InterviewPortal.UnitTests.Database;

public class PostgreSqlConnectionTests
{
    private static NpgsqlConnectionStringBuilder Configured(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.PostgreSql, connectionString);
        return new NpgsqlConnectionStringBuilder(RelationalOptionsExtension.Extract(options.Options).ConnectionString);
    }

    [Fact]
    public void The_portal_prepares_its_statements_and_skips_the_pool_reset_by_default()
    {
        var npgsql = Configured("Host=db;Username=portal;Password=secret;Database=portal");
        Assert.Equal(64, npgsql.MaxAutoPrepare);
        Assert.True(npgsql.NoResetOnClose);
        Assert.Equal("db", npgsql.Host);
    }

    [Fact]
    public void Settings_written_in_the_connection_string_win()
    {
        var npgsql = Configured("Host=db;Username=portal;Password=secret;Database=portal;Max Auto Prepare=5;No Reset On Close=false");
        Assert.Equal(5, npgsql.MaxAutoPrepare);
        Assert.False(npgsql.NoResetOnClose);
    }
}
