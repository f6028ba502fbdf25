using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Me;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

// Every refusal below refuses the whole batch.
using Fail = InterviewPortal.Web.Features.Shared.Outcome;

namespace InterviewPortal.Web.Features.Interviews;

/// <summary>Either chosen candidates (in this order) or a whole major (by exam number); one slot after another from the first start.</summary>
public sealed record AutoScheduleRequest(IReadOnlyList<int>? CandidateIds, int? MajorId, string? FirstStartsAt,
    int? DurationMinutes, int? BreakMinutes, string? Kind)
{
    public InterviewKind KindOrDefault => InterviewTimes.ParseKind(Kind) ?? InterviewKind.Exam;
}

public sealed class AutoScheduleValidator : AbstractValidator<AutoScheduleRequest>
{
    public const int MaxCandidates = 5000;

    public AutoScheduleValidator()
    {
        RuleFor(r => r.CandidateIds).NotEmpty().When(r => r.MajorId is null)
            .WithMessage(_ => Texts.Get("Interviews.GiveCandidateIdsOrAMajorId"));
        RuleFor(r => r.CandidateIds).Empty().When(r => r.MajorId is not null)
            .WithMessage(_ => Texts.Get("Interviews.GiveCandidateIdsOrAMajorIdNot"));
        RuleFor(r => r.CandidateIds!.Count).LessThanOrEqualTo(MaxCandidates).When(r => r.CandidateIds is not null)
            .OverridePropertyName("candidateIds").WithMessage(_ => Texts.Get("Interviews.AtMostCandidatesAtOnce", MaxCandidates));
        RuleFor(r => r.CandidateIds).Must(ids => ids!.Distinct().Count() == ids!.Count).When(r => r.CandidateIds is not null)
            .WithMessage(_ => Texts.Get("Interviews.ACandidateAppearsTwiceInCandidateIds"));
        RuleFor(r => r.CandidateIds).Must(ids => ids!.All(id => id > 0)).When(r => r.CandidateIds is not null)
            .WithMessage(_ => Texts.Get("Interviews.EveryCandidateIdMustBeA"));
        RuleFor(r => r.MajorId).GreaterThan(0);
        RuleFor(r => r.FirstStartsAt).NotEmpty().WithMessage(_ => Texts.Get("Interviews.FirstStartsAtIsRequired"))
            .Must(s => InterviewTimes.ParseOffset(s) is not null).When(r => !string.IsNullOrWhiteSpace(r.FirstStartsAt), ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => InterviewTimes.OffsetMessage);
        RuleFor(r => r.DurationMinutes).NotNull().WithMessage(_ => Texts.Get("Interviews.DurationMinutesIsRequired"))
            .InclusiveBetween(1, InterviewTimes.MaxDurationMinutes)
            .WithMessage(_ => Texts.Get("Interviews.DurationMinutesMustBeBetween1And", InterviewTimes.MaxDurationMinutes));
        RuleFor(r => r.BreakMinutes).InclusiveBetween(0, 240).WithMessage(_ => Texts.Get("Interviews.BreakMinutesMustBeBetween0And"));
        RuleFor(r => r.Kind).Must(k => InterviewTimes.ParseKind(k) is not null).WithMessage(_ => InterviewTimes.KindMessage);
    }
}

/// <summary>
/// Books candidates one after another into a room inside the daily windows, all or nothing: any candidate
/// outside the scope, of another college, or any slot that collides refuses the whole batch with the reason.
/// A major's candidates who already hold an interview of this kind are left out; chosen ones are not.
/// </summary>
public sealed class AutoScheduleHandler(PortalDbContext db, SlotGuard guard, PreExamNoticePlanner notices, ILogger<AutoScheduleHandler> log)
{
    public async Task<Outcome<IReadOnlyList<InterviewItem>>> HandleAsync(int roomId, AutoScheduleRequest request, CancellationToken ct)
    {
        var outcome = await HandleAsync(roomId, request, AutoScheduleRun.Book, ct);
        return outcome.Succeeded
            ? Outcome.Success<IReadOnlyList<InterviewItem>>(outcome.Value!.Interviews.Select(InterviewItem.From).ToList())
            : new Refusal(outcome.Kind, outcome.Detail, outcome.Errors);
    }

    /// <summary>
    /// The one algorithm behind the preview and the booking: a dry run computes and checks the same plan and writes
    /// nothing; a booking that names the previewed plan refuses when the plan it computes now is another one.
    /// </summary>
    public async Task<Outcome<AutoSchedulePlan>> HandleAsync(int roomId, AutoScheduleRequest request, AutoScheduleRun run, CancellationToken ct)
    {
        var kind = request.KindOrDefault;
        var settings = (await Data.Settings.PortalSettings.CurrentAsync(db.Settings, ct)).DailyWindows;
        if (!DailyWindows.TryParse(settings, out var windows, out _))
            return Fail.Conflict(Texts.Get("Interviews.TheDailyWindowsSettingCannotBe", settings));
        if (!windows.Fits(request.DurationMinutes!.Value))
            return Fail.Invalid("durationMinutes", Texts.Get("Interviews.MinutesDoNotFitInAny", request.DurationMinutes, windows));

        // A dry run takes no lock: it writes nothing, and the booking that follows checks everything again under the lock.
        await using var tx = run.DryRun ? null : await guard.LockAsync(ct);
        var room = await db.ExamRooms.FirstOrDefaultAsync(r => r.Id == roomId, ct);
        if (room is null)
            return Fail.NotFound(Texts.Get("Exports.ExamRoomWasNotFound", roomId));

        List<Candidate> candidates;
        if (request.MajorId is { } majorId)
        {
            var major = await db.Majors.AsNoTracking().FirstOrDefaultAsync(m => m.Id == majorId, ct);
            if (major is null || !db.Scope.Covers(major.CollegeId))
                return Fail.NotFound(Texts.Get("Interviews.MajorWasNotFound", majorId));
            if (major.CollegeId != room.CollegeId)
                return Fail.Conflict(Texts.Get("Interviews.MajorBelongsToAnotherCollegeThan", major.Code, room.Name));
            candidates = await db.Candidates.AsNoTracking().Where(c => c.MajorId == majorId)
                .Where(c => !c.Interviews.Any(i => i.Kind == kind && i.Status != InterviewStatus.Cancelled))
                .OrderBy(c => c.ExamNumber).ToListAsync(ct);
            if (candidates.Count == 0)
                return Fail.Conflict(Texts.Get("Interviews.EveryCandidateOfMajorAlreadyHolds", major.Code, InterviewWords.Kind(kind)));
        }
        else
        {
            var ids = request.CandidateIds!;
            var found = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var missing = ids.FirstOrDefault(id => !found.ContainsKey(id));
            if (missing != 0)
                return Fail.NotFound(Texts.Get("Interviews.CandidateWasNotFound2", missing));
            candidates = ids.Select(id => found[id]).ToList();
            if (candidates.FirstOrDefault(c => c.CollegeId != room.CollegeId) is { } stranger)
                return Fail.Conflict(Texts.Get("Interviews.CandidateBelongsToAnotherCollegeThan", stranger.Id, room.Name));
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var loadedMs = watch.ElapsedMilliseconds;
        var plan = Plan(windows, InterviewTimes.ParseOffset(request.FirstStartsAt)!.Value.UtcDateTime, candidates.Count,
            request.DurationMinutes.Value, request.BreakMinutes ?? 0);
        var slots = await guard.LoadAsync(room.Id, room.AssistantUserId, candidates.Select(c => c.Id).ToList(),
            plan[0], plan[^1].AddMinutes(request.DurationMinutes.Value), null, ct);
        var planned = new AutoSchedulePlan(room, request.DurationMinutes.Value, kind, candidates.Select((c, n) => (c.Id, plan[n])));
        if (run.ExpectedPlan is { } expected && expected != planned.Fingerprint)
            return Fail.Conflict(Texts.Get("Interviews.NothingWasScheduledThePlanIs"));
        var interviews = planned.Interviews;
        for (var n = 0; n < candidates.Count; n++)
        {
            var (candidate, startsAt) = (candidates[n], plan[n]);
            var endsAt = startsAt.AddMinutes(request.DurationMinutes.Value);
            if (slots.FindConflict(candidate.Id, room.Id, room.AssistantUserId, startsAt, endsAt) is { } conflict)
                return Fail.Conflict($"Nothing was scheduled: the slot at {Infrastructure.Time.BeijingTime.Format(startsAt)} for candidate {candidate.Id} collides. {conflict}");
            slots.Hold(new HeldSlot(0, candidate.Id, room.Id, room.Name, room.AssistantUserId, startsAt, endsAt));
            interviews.Add(Interview.Book(candidate, room, startsAt, request.DurationMinutes.Value, kind));
        }
        if (run.DryRun)
            return Outcome.Success(planned);

        var checkedMs = watch.ElapsedMilliseconds;
        // Thousands of rows: multi-row INSERTs inside the lock's transaction instead of one SaveChanges INSERT per
        // interview and per notice; the new ids are read back by each interview's fresh version before the notices need them.
        await db.InsertRowsAsync(interviews, ct);
        await ReadIdsAsync(room.Id, interviews, ct);
        var insertedMs = watch.ElapsedMilliseconds;
        await notices.PlanInsertedAsync(interviews, ct);
        var plannedMs = watch.ElapsedMilliseconds;
        db.Record("interview.auto-scheduled", "ExamRoom", room.Id, $"{interviews.Count} {kind} interviews from {plan[0]:O} to {plan[^1]:O}");
        await db.SaveChangesAsync(ct);
        await tx!.CommitAsync(ct);
        log.LogInformation("Auto-scheduled {Count} interviews into room {RoomId}: checks {CheckMs} ms, interviews {InsertMs} ms, notices {NoticeMs} ms, audit and commit {SaveMs} ms",
            interviews.Count, room.Id, checkedMs - loadedMs, insertedMs - checkedMs, plannedMs - insertedMs, watch.ElapsedMilliseconds - plannedMs);
        return Outcome.Success(planned);
    }

    // Versions are fresh GUIDs, so they tell this batch's rows from any cancelled interview at the same times.
    private async Task ReadIdsAsync(int roomId, List<Interview> interviews, CancellationToken ct)
    {
        var (first, last) = (interviews[0].StartsAt, interviews[^1].StartsAt);
        var ids = await db.Interviews.IgnoreQueryFilters()
            .Where(i => i.ExamRoomId == roomId && i.StartsAt >= first && i.StartsAt <= last)
            .Select(i => new { i.Version, i.Id }).ToDictionaryAsync(i => i.Version, i => i.Id, ct);
        foreach (var interview in interviews)
            interview.Id = ids[interview.Version];
    }

    /// <summary>The starts of <paramref name="count"/> slots, each after the previous one's end and break, inside the windows.</summary>
    public static List<DateTime> Plan(DailyWindows windows, DateTime firstUtc, int count, int durationMinutes, int breakMinutes)
    {
        var starts = new List<DateTime>(count);
        var next = firstUtc;
        for (var n = 0; n < count; n++)
        {
            var start = windows.Place(next, durationMinutes);
            starts.Add(start);
            next = start.AddMinutes(durationMinutes + breakMinutes);
        }
        return starts;
    }
}
