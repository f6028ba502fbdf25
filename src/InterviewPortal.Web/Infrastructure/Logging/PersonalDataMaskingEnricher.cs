using InterviewPortal.Web.Infrastructure.Privacy;
using Serilog.Core;
using Serilog.Events;

namespace InterviewPortal.Web.Infrastructure.Logging;

/// <summary>
/// Rewrites every string property of a log event so no ID-card or mobile number reaches a sink.
/// Message templates carry no data of their own (we never interpolate), so masking the properties
/// masks the rendered message too.
/// </summary>
public sealed class PersonalDataMaskingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var masked = Mask(value);
            if (!ReferenceEquals(masked, value))
                (changed ??= []).Add(new LogEventProperty(name, masked));
        }
        if (changed is null)
            return;
        foreach (var property in changed)
            logEvent.AddOrUpdateProperty(property);
    }

    private static LogEventPropertyValue Mask(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string s }:
                var masked = PersonalData.MaskText(s);
                return ReferenceEquals(masked, s) ? value : new ScalarValue(masked);
            case SequenceValue seq:
                var items = seq.Elements.Select(Mask).ToList();
                return items.Where((v, i) => !ReferenceEquals(v, seq.Elements[i])).Any() ? new SequenceValue(items) : value;
            case StructureValue structure:
                var props = structure.Properties.Select(p => new LogEventProperty(p.Name, Mask(p.Value))).ToList();
                return props.Where((p, i) => !ReferenceEquals(p.Value, structure.Properties[i].Value)).Any()
                    ? new StructureValue(props, structure.TypeTag)
                    : value;
            case DictionaryValue dict:
                return new DictionaryValue(dict.Elements.Select(kv => new KeyValuePair<ScalarValue, LogEventPropertyValue>(kv.Key, Mask(kv.Value))));
            default:
                return value;
        }
    }
}
