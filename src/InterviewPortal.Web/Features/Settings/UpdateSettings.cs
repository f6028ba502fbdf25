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
            .WithMessage(_ => Texts.Get("Settings.TheNoticeLeadTimeIs1"));
        RuleFor(s => s.PhotoRetentionDays).NotNull().InclusiveBetween(1, 3650)
            .WithMessage(_ => Texts.Get("Settings.PhotosAreKept13650Days"));
        RuleFor(s => s.DailyWindows).Custom((text, ctx) =>
        {
            if (!DailyWindows.TryParse(text, out _, out var error))
                ctx.AddFailure(Texts.Get("Settings.DailyWindowsLookLike0830", error));
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
