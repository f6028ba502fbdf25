using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Settings;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Settings;

/// <summary>The university-wide settings: <c>{ noticeLeadMinutes, dailyWindows, photoRetentionDays }</c>.</summary>
public sealed record SettingsInput(int? NoticeLeadMinutes, string? DailyWindows, int? PhotoRetentionDays)
{
    public SettingsInput() : this(null, null, null) { }
}

public sealed class SettingsInputValidator : AbstractValidator<SettingsInput>
{
    public SettingsInputValidator()
    {
        RuleFor(s => s.NoticeLeadMinutes).NotNull().InclusiveBetween(1, 240)
            .WithMessage(_ => Lang.T("提前通知时间为1–240分钟", "The notice lead time is 1–240 minutes."));
        RuleFor(s => s.PhotoRetentionDays).NotNull().InclusiveBetween(1, 3650)
            .WithMessage(_ => Lang.T("照片保存天数为1–3650天", "Photos are kept 1–3650 days."));
        RuleFor(s => s.DailyWindows).Custom((text, ctx) =>
        {
            if (!DailyWindows.TryParse(text, out _, out var error))
                ctx.AddFailure(Lang.T($"每日面试时段格式如 08:30-12:00,14:00-18:00，按时间先后且不重叠（{error}）",
                    $"Daily windows look like 08:30-12:00,14:00-18:00, in order and not overlapping ({error})."));
        });
    }
}

public sealed class UpdateSettingsHandler(PortalDbContext db)
{
    public async Task<SettingsInput> GetAsync(CancellationToken ct)
    {
        var s = await PortalSettings.CurrentAsync(db.Settings, ct);
        return new SettingsInput(s.NoticeLeadMinutes, s.DailyWindows, s.PhotoRetentionDays);
    }

    public async Task<SettingsInput> HandleAsync(SettingsInput input, CancellationToken ct)
    {
        var settings = await db.Settings.FirstOrDefaultAsync(ct);
        if (settings is null)
            settings = db.Settings.Add(new PortalSettings()).Entity;
        if (!DailyWindows.TryParse(input.DailyWindows, out var windows, out var error))
            throw new ArgumentException(error, nameof(input)); // the validator ran first
        settings.NoticeLeadMinutes = input.NoticeLeadMinutes!.Value;
        settings.DailyWindows = windows.ToString();
        settings.PhotoRetentionDays = input.PhotoRetentionDays!.Value;
        settings.Version = Guid.NewGuid();
        db.Record("settings.updated", nameof(PortalSettings), settings.Id,
            $"notice {settings.NoticeLeadMinutes} min, windows {settings.DailyWindows}, photos {settings.PhotoRetentionDays} days");
        await db.SaveChangesAsync(ct);
        return await GetAsync(ct);
    }
}
