using InterviewPortal.Web.Infrastructure.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace InterviewPortal.UnitTests.Logging;

public class RequestLogSamplerTests
{
    private sealed class Collected : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];
        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    private static (RequestLogSampler Sampler, Collected Log, Action NextSecond) Sampler(int fullPerSecond, int sampleEvery)
    {
        var log = new Collected();
        long second = 1000;
        var sampler = new RequestLogSampler(new RequestLogOptions { FullPerSecond = fullPerSecond, SampleEvery = sampleEvery },
            new LoggerConfiguration().WriteTo.Sink(log).CreateLogger(), () => second);
        return (sampler, log, () => second++);
    }

    [Fact]
    public void Within_a_second_the_budget_is_written_in_full_then_one_in_N()
    {
        var (sampler, _, _) = Sampler(fullPerSecond: 3, sampleEvery: 5);
        var taken = Enumerable.Range(0, 23).Select(_ => sampler.Take()).ToList();

        Assert.All(taken.Take(3), Assert.True);
        // Past the budget: the 5th, 10th, 15th and 20th of the other 20.
        Assert.Equal([7, 12, 17, 22], taken.Select((t, i) => (t, i)).Skip(3).Where(x => x.t).Select(x => x.i));
    }

    [Fact]
    public void A_new_second_starts_a_new_budget_and_reports_how_many_had_no_line()
    {
        var (sampler, log, nextSecond) = Sampler(fullPerSecond: 2, sampleEvery: 1000);
        for (var i = 0; i < 10; i++)
            sampler.Take();
        Assert.Empty(log.Events);

        nextSecond();
        Assert.True(sampler.Take());
        Assert.True(sampler.Take());
        Assert.False(sampler.Take());

        var report = Assert.Single(log.Events);
        Assert.Equal(8L, ((ScalarValue)report.Properties["UnloggedReads"]).Value);
    }

    [Fact]
    public void Sampling_every_one_writes_every_request()
    {
        var (sampler, log, _) = Sampler(fullPerSecond: 0, sampleEvery: 1);
        Assert.All(Enumerable.Range(0, 50).Select(_ => sampler.Take()), Assert.True);
        Assert.Empty(log.Events);
    }
}
