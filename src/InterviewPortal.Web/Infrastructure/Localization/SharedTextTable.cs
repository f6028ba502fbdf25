using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Resources;
using InterviewPortal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace InterviewPortal.Web.Infrastructure.Localization;

/// <summary>
/// The portal's <c>IStringLocalizer&lt;SharedResource&gt;</c>: the same two .resx files (docs/decisions/0007), read once
/// at start into a frozen table per language, looked up with the same fallback as the resource manager (the culture,
/// then its parents, then zh-CN, the neutral language).
/// Why not the framework's ResourceManagerStringLocalizer: a page looks up about forty texts, and each lookup there
/// takes the resource manager's global locks three times and builds a cache key string; under load on two cores that
/// was a tenth of the candidate page's time, much of it threads waiting for each other (dotnet-trace, issue 19).
/// </summary>
public sealed class SharedTextTable : IStringLocalizer<SharedResource>
{
    public static SharedTextTable Instance { get; } = new();

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;
    private readonly FrozenDictionary<string, string> _neutral;

    private SharedTextTable()
    {
        var resources = new ResourceManager(typeof(SharedResource));
        _byCulture = Lang.Cultures.ToFrozenDictionary(c => c, c => Read(resources, c), StringComparer.OrdinalIgnoreCase);
        _neutral = _byCulture[Lang.Chinese];
    }

    private static FrozenDictionary<string, string> Read(ResourceManager resources, string culture)
    {
        var set = resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No texts for {culture}: Resources/SharedResource.{culture}.resx is missing.");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
        {
            if (entry.Value is string text)
                texts[(string)entry.Key] = text;
        }
        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The table of a culture: itself, else its nearest parent the portal speaks, else zh-CN.</summary>
    private FrozenDictionary<string, string> TableOf(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (_byCulture.TryGetValue(c.Name, out var table))
                return table;
        }
        return _neutral;
    }

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var found = TableOf(CultureInfo.CurrentUICulture).TryGetValue(name, out var text)
                || _neutral.TryGetValue(name, out text);
            return new LocalizedString(name, text ?? name, resourceNotFound: !found, searchedLocation: nameof(SharedResource));
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return format.ResourceNotFound
                ? format
                : new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), false, nameof(SharedResource));
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var table = TableOf(CultureInfo.CurrentUICulture);
        foreach (var (name, text) in table)
            yield return new LocalizedString(name, text, false, nameof(SharedResource));
        if (includeParentCultures && !ReferenceEquals(table, _neutral))
        {
            foreach (var (name, text) in _neutral)
            {
                if (!table.ContainsKey(name))
                    yield return new LocalizedString(name, text, false, nameof(SharedResource));
            }
        }
    }
}
