using System.Net;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace InterviewPortal.UnitTests.Auth;

/// <summary>The limiter's rules over time, on a clock the test moves (no waiting, no timing).</summary>
public class StaffSignInLimiterTests
{
    private const string Account = "ASSISTANT1";
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Owner = IPAddress.Parse("192.0.2.1");
    private readonly Clock clock = new();

    private StaffSignInLimiter Limiter(int ceiling = 100) =>
        new(Options.Create(new StaffSignInLimitOptions { AccountFailuresPerHour = ceiling }), clock);

    [Fact]
    public void Five_failures_pause_the_address_thirty_seconds_and_each_further_one_doubles_it_up_to_fifteen_minutes()
    {
        var limiter = Limiter();
        for (var i = 0; i < 4; i++)
            limiter.Failed(Account, Attacker);
        Assert.True(limiter.Allows(Account, Attacker));

        var pauses = new List<TimeSpan>();
        for (var failure = 5; failure <= 12; failure++)
        {
            limiter.Failed(Account, Attacker);
            pauses.Add(PauseLength(limiter));
        }

        Assert.Equal([30, 60, 120, 240, 480, 900, 900, 900], pauses.Select(p => (int)p.TotalSeconds));
        Assert.True(limiter.Allows(Account, Owner));
        Assert.True(limiter.Allows("ASSISTANT2", Attacker));
    }

    [Fact]
    public void Past_the_ceiling_a_new_address_waits_for_old_failures_to_leave_the_hour_and_a_known_one_does_not()
    {
        var limiter = Limiter(ceiling: 10);
        limiter.Succeeded(Account, Owner);
        for (var n = 0; n < 10; n++)
        {
            limiter.Failed(Account, IPAddress.Parse($"198.51.100.{n}"));
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        var newcomer = IPAddress.Parse("192.0.2.99");

        Assert.False(limiter.Allows(Account, newcomer));
        Assert.True(limiter.AtCeiling(Account));
        Assert.True(limiter.Allows(Account, Owner));
        // The first failure was at minute 0: one minute past the hour it no longer counts, and one attempt may pass.
        clock.Advance(TimeSpan.FromMinutes(50) + TimeSpan.FromSeconds(1));
        Assert.True(limiter.Allows(Account, newcomer));
        limiter.Failed(Account, newcomer);
        Assert.False(limiter.Allows(Account, newcomer));
    }

    [Fact]
    public void Forget_clears_pauses_and_the_ceiling_of_that_account_only()
    {
        var limiter = Limiter(ceiling: 5);
        for (var i = 0; i < 5; i++)
        {
            limiter.Failed(Account, Attacker);
            limiter.Failed("OTHER", Attacker);
        }
        limiter.Forget(Account);

        Assert.True(limiter.Allows(Account, Attacker));
        Assert.False(limiter.AtCeiling(Account));
        Assert.False(limiter.Allows("OTHER", Attacker));
    }

    [Fact]
    public void An_authenticator_code_is_taken_once_per_user_for_five_minutes()
    {
        var limiter = Limiter();
        Assert.True(limiter.FirstUseOfCode("u1", "123456"));
        Assert.False(limiter.FirstUseOfCode("u1", "123456"));
        Assert.True(limiter.FirstUseOfCode("u2", "123456"));
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.True(limiter.FirstUseOfCode("u1", "123456"));
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:eeee:dddd:cccc", "2001:db8:1:2::/64")]
    [InlineData("::ffff:192.0.2.5", "192.0.2.5")]
    [InlineData("192.0.2.5", "192.0.2.5")]
    public void Addresses_count_as_ipv4_or_an_ipv6_slash_64(string address, string bucket) =>
        Assert.Equal(bucket, ClientAddress.Key(IPAddress.Parse(address)));

    /// <summary>How long the attacker's address stays paused from now, found by moving the clock in seconds.</summary>
    private TimeSpan PauseLength(StaffSignInLimiter limiter)
    {
        var start = clock.GetUtcNow();
        var elapsed = TimeSpan.Zero;
        while (!limiter.Allows(Account, Attacker))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            elapsed += TimeSpan.FromSeconds(1);
        }
        clock.Set(start);
        return elapsed;
    }

    private sealed class Clock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;
        public void Advance(TimeSpan by) => now += by;
        public void Set(DateTimeOffset to) => now = to;
    }
}
