using System.Resources;

// A culture the portal does not speak (a test thread's invariant culture, a lookup for "zh") falls back to zh-CN,
// the portal's default language.
[assembly: NeutralResourcesLanguage("zh-CN", UltimateResourceFallbackLocation.Satellite)]

namespace InterviewPortal.Web.Resources;

/// <summary>
/// The one resource every text of the portal lives in: SharedResource.zh-CN.resx and SharedResource.en-US.resx
/// beside this file, one per language, so a translator edits two files and no code (docs/decisions/0007).
/// </summary>
public sealed class SharedResource;
