using InterviewPortal.Web.Features.Me;
using Microsoft.Extensions.Options;

namespace InterviewPortal.UnitTests.Me;

public class MyRecordCacheTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly MyRecord Record = new("2026001", "张三", "计算机学院", "软件工程", "083500", null);

    private static MyRecordCache Cache(Clock clock, double seconds = 3) =>
        new(clock, Options.Create(new MyRecordCacheOptions { CacheSeconds = seconds }));

    [Fact]
    public void A_kept_record_is_found_within_the_window_and_not_after_it()
    {
        var clock = new Clock();
        var cache = Cache(clock);
        cache.Keep(7, withReports: false, Record, cache.Generation);

        clock.Now += TimeSpan.FromSeconds(2.9);
        Assert.Same(Record, cache.Find(7, withReports: false));
        clock.Now += TimeSpan.FromSeconds(0.2);
        Assert.Null(cache.Find(7, withReports: false));
    }

    [Fact]
    public void The_page_and_the_api_variants_and_other_candidates_are_kept_apart()
    {
        var cache = Cache(new Clock());
        cache.Keep(7, withReports: false, Record, cache.Generation);

        Assert.Null(cache.Find(7, withReports: true));
        Assert.Null(cache.Find(8, withReports: false));
    }

    [Fact]
    public void Forget_makes_every_copy_stale()
    {
        var cache = Cache(new Clock());
        cache.Keep(7, withReports: false, Record, cache.Generation);
        cache.Keep(8, withReports: true, Record, cache.Generation);

        cache.Forget();

        Assert.Null(cache.Find(7, withReports: false));
        Assert.Null(cache.Find(8, withReports: true));
    }

    [Fact]
    public void A_record_read_while_a_write_was_saved_is_not_kept()
    {
        var cache = Cache(new Clock());
        var readUnder = cache.Generation; // the reader starts its statement
        cache.Forget();                   // a write is saved meanwhile; the reader may have read the old row

        cache.Keep(7, withReports: false, Record, readUnder);

        Assert.Null(cache.Find(7, withReports: false));
        cache.Keep(7, withReports: false, Record, cache.Generation);
        Assert.Same(Record, cache.Find(7, withReports: false));
    }

    [Fact]
    public void A_window_of_zero_keeps_nothing()
    {
        var cache = Cache(new Clock(), seconds: 0);
        cache.Keep(7, withReports: false, Record, cache.Generation);

        Assert.False(cache.Enabled);
        Assert.Null(cache.Find(7, withReports: false));
    }

    [Fact]
    public void Past_its_bound_the_cache_starts_over_instead_of_growing()
    {
        var cache = Cache(new Clock());
        for (var id = 1; id <= 50_001; id++)
            cache.Keep(id, withReports: false, Record, cache.Generation);

        Assert.Null(cache.Find(1, withReports: false));         // dropped when the bound was passed
        Assert.Same(Record, cache.Find(50_001, withReports: false)); // kept after starting over
    }
}
