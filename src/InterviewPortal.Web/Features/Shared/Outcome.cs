namespace InterviewPortal.Web.Features.Shared;

public enum OutcomeKind
{
    Success,
    NotFound,
    Forbidden,
    Conflict,
    Invalid,

    // What an upload or a counted action is refused with (api.md: 400 unreadable, 413, 415, 429).
    Unreadable,
    TooLarge,
    UnsupportedMediaType,
    TooMany,
}

/// <summary>The value of a success that has nothing to hand back (a disable, an unlock, an answer).</summary>
public readonly record struct Done;

/// <summary>
/// What a handler answers for every expected case: success with a value, not found (or outside the caller's scope),
/// forbidden, a conflict with a readable reason (and the field it is about, when there is one), field errors, and for
/// uploads and counted actions an unreadable, too large or unsupported file or too many tries.
/// Unexpected failures stay exceptions. The API answers it with <see cref="OutcomeResults.ToResult{T}"/>, a page
/// with <see cref="OutcomeModelState.AddTo{T}"/>; nothing else reads <see cref="Kind"/> to pick a status.
/// </summary>
public sealed class Outcome<T>
{
    internal Outcome(OutcomeKind kind, T? value, string? detail, IReadOnlyDictionary<string, string[]>? errors) =>
        (Kind, Value, Detail, Errors) = (kind, value, detail, errors);

    public OutcomeKind Kind { get; }

    /// <summary>Set only on success.</summary>
    public T? Value { get; }

    /// <summary>The reason a not found, forbidden or conflict gives; none for field errors (they say it).</summary>
    public string? Detail { get; }

    /// <summary>Messages keyed by the API's (camelCase) field name: the field errors, or the field a conflict is about.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    public bool Succeeded => Kind == OutcomeKind.Success;

    /// <summary>The refusal in one line, for a page that shows one message: the field messages, else the reason.</summary>
    public string Message => Errors is { Count: > 0 } ? string.Join(" ", Errors.Values.SelectMany(m => m)) : Detail ?? Kind.ToString();

    public static implicit operator Outcome<T>(Refusal refusal) => new(refusal.Kind, default, refusal.Detail, refusal.Errors);
}

/// <summary>A refusal before it knows the handler's success type; it converts to any <see cref="Outcome{T}"/>.</summary>
public readonly record struct Refusal(OutcomeKind Kind, string? Detail, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>The one way to build an <see cref="Outcome{T}"/>: <c>return Outcome.Success(item);</c>, <c>return Outcome.NotFound(...);</c>.</summary>
public static class Outcome
{
    public static Outcome<T> Success<T>(T value) => new(OutcomeKind.Success, value, null, null);

    public static Outcome<Done> Success() => Success(new Done());

    public static Refusal NotFound(string? detail = null) => new(OutcomeKind.NotFound, detail, null);

    public static Refusal Forbidden(string detail) => new(OutcomeKind.Forbidden, detail, null);

    /// <summary>A clash with the current state (a lifecycle step out of order, a slot taken, a record still in use).</summary>
    public static Refusal Conflict(string reason) => new(OutcomeKind.Conflict, reason, null);

    /// <summary>A conflict about one field's value (a code or number another record holds): a 409 that names the field, so a form shows it there.</summary>
    public static Refusal Clash(string field, string reason) =>
        new(OutcomeKind.Conflict, reason, new Dictionary<string, string[]> { [field] = [reason] });

    public static Refusal Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Refusal Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeKind.Invalid, null, errors);

    /// <summary>A file or body that cannot be read (empty, damaged, not what it says it is), with the reason.</summary>
    public static Refusal Unreadable(string detail) => new(OutcomeKind.Unreadable, detail, null);

    public static Refusal TooLarge(string detail) => new(OutcomeKind.TooLarge, detail, null);

    public static Refusal UnsupportedMediaType(string detail) => new(OutcomeKind.UnsupportedMediaType, detail, null);

    public static Refusal TooMany(string detail) => new(OutcomeKind.TooMany, detail, null);

    /// <summary>A refusal of any kind told next to the fields it is about (a form of several files, each with its own error).</summary>
    public static Refusal OnFields(OutcomeKind kind, IReadOnlyDictionary<string, string[]> errors) => new(kind, null, errors);
}
