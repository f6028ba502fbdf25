using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Import;

public enum ImportField { ExamNumber, Name, IdNumber, Phone, MajorCode }

/// <summary>The import's columns, found by header in any order, Chinese or English, as api.md lists them.</summary>
public sealed class ImportColumns
{
    private static readonly (ImportField Field, string[] Names)[] Known =
    [
        (ImportField.ExamNumber, ["考生编号", "examNumber"]),
        (ImportField.Name, ["姓名", "name"]),
        (ImportField.IdNumber, ["证件号码", "身份证号", "idNumber"]),
        (ImportField.Phone, ["手机号", "移动电话", "phone"]),
        (ImportField.MajorCode, ["专业代码", "majorCode"]),
    ];

    private readonly Dictionary<ImportField, int> index = [];
    private readonly IReadOnlyList<string> headers;

    private ImportColumns(IReadOnlyList<string> headers) => this.headers = headers;

    public int this[ImportField field] => index[field];

    /// <summary>The header as the file wrote it, for error messages.</summary>
    public string Header(ImportField field) => headers[index[field]];

    /// <summary>Maps the header row; missing or repeated columns are errors on row 1.</summary>
    public static ImportColumns Map(IReadOnlyList<string> headers, List<ImportError> errors)
    {
        var columns = new ImportColumns(headers);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim().TrimStart('\uFEFF');
            var known = Known.FirstOrDefault(k => k.Names.Any(n => string.Equals(n, header, StringComparison.OrdinalIgnoreCase)));
            if (known.Names is null)
                continue;
            if (!columns.index.TryAdd(known.Field, i))
                errors.Add(new ImportError(1, headers[i], Texts.Get("Import.ThisColumnAppearsTwice")));
        }
        foreach (var (field, names) in Known)
            if (!columns.index.ContainsKey(field))
                errors.Add(new ImportError(1, string.Join("/", names),
                    Texts.Get("Import.MissingColumn", string.Join(Texts.Get("Shared.OrSeparator"), names))));
        return columns;
    }
}
