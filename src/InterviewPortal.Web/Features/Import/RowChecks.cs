using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Import;

/// <summary>The per-row checks of an import; each failure is one error naming the row, the column as written and the reason.</summary>
internal sealed class RowChecks(ImportColumns columns, List<ImportError> errors)
{
    private readonly Dictionary<string, int> examRows = [];
    private readonly Dictionary<string, int> phoneRows = [];
    private readonly Dictionary<string, int> idRows = [];

    /// <summary>The row's candidate when every cell is valid and no earlier row has its numbers; otherwise null and the errors added.</summary>
    public ImportedCandidate? Row(ImportRow row, Dictionary<string, (int Id, int CollegeId)> majors)
    {
        var before = errors.Count;
        var exam = Value(row, ImportField.ExamNumber, CandidateRules.CheckExamNumber);
        var name = Value(row, ImportField.Name, CandidateRules.CheckName);
        var id = Value(row, ImportField.IdNumber, CandidateRules.CheckIdNumber) is { } raw ? CandidateRules.NormalizeIdNumber(raw) : null;
        var phone = Value(row, ImportField.Phone, CandidateRules.CheckPhone);
        var majorCode = Value(row, ImportField.MajorCode, c => c.Length == 0 ? Texts.Get("Import.TheMajorCodeIsRequired") : null);
        // Excel drops a major code's leading zero (081200 → 81200) in number cells and their CSV; the code is always 6 digits.
        if (majorCode is { Length: < 6 } && majorCode.All(char.IsAsciiDigit))
            majorCode = majorCode.PadLeft(6, '0');
        (int Id, int CollegeId) major = default;
        if (majorCode is not null && !majors.TryGetValue(majorCode, out major))
            Add(row.Number, ImportField.MajorCode, Texts.Get("Import.YourCollegeHasNoMajorWith", majorCode));

        Unique(row.Number, ImportField.ExamNumber, exam, examRows, "考生编号", "exam number");
        Unique(row.Number, ImportField.IdNumber, id, idRows, "证件号码", "ID number");
        Unique(row.Number, ImportField.Phone, phone, phoneRows, "手机号", "mobile number");
        return errors.Count > before ? null : new ImportedCandidate(row.Number, exam!, name!, id!, phone!, major.Id, major.CollegeId);
    }

    /// <summary>An existing exam number is an update, but only of a candidate the caller plans; a phone or ID number of someone else is an error.</summary>
    public void AgainstExisting(ImportedCandidate row, ExistingCandidates existing, int? ownCollege)
    {
        if (existing.ByExam.TryGetValue(row.ExamNumber, out var same) && ownCollege is not null && same.CollegeId != ownCollege)
            Add(row.Row, ImportField.ExamNumber, Texts.Get("Import.ThisExamNumberBelongsToA"));
        // Another college's candidate gets the neutral words of the candidate form: nothing about who or where.
        if (existing.ById.TryGetValue(row.IdNumber, out var byId) && byId.ExamNumber != row.ExamNumber)
            Add(row.Row, ImportField.IdNumber, Visible(byId, ownCollege)
                ? Texts.Get("Import.ThisIDNumberBelongsToAnother") : CandidateRules.UnusableIdNumber());
        if (existing.ByPhone.TryGetValue(row.Phone, out var byPhone) && byPhone.ExamNumber != row.ExamNumber)
            Add(row.Row, ImportField.Phone, Visible(byPhone, ownCollege)
                ? Texts.Get("Import.ThisMobileNumberBelongsToAnother") : CandidateRules.UnusablePhone());
    }

    /// <summary>Whether the caller may see the candidate: an admin (no own college) sees all, a secretary their college.</summary>
    private static bool Visible(ExistingCandidate candidate, int? ownCollege) => ownCollege is null || candidate.CollegeId == ownCollege;

    private string? Value(ImportRow row, ImportField field, Func<string, string?> check)
    {
        var cell = row.Cell(columns[field]);
        var error = cell.Error ?? check(cell.Value);
        if (error is null)
            return cell.Value;
        Add(row.Number, field, error);
        return null;
    }

    private void Unique(int row, ImportField field, string? value, Dictionary<string, int> seen, string zh, string en)
    {
        if (value is null)
            return;
        if (seen.TryGetValue(value, out var first))
            Add(row, field, Texts.Get("Import.TheRepeatsRow", Lang.Pick(zh, en), first));
        else
            seen[value] = row;
    }

    private void Add(int row, ImportField field, string message) => errors.Add(new ImportError(row, columns.Header(field), message));
}
