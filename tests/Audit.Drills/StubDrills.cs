namespace Audit.Drills;

public sealed class AutosaveCrashDrill : IDrill { public string Name => "autosave-crash"; public string Description => "todo"; public Task<string> RunAsync(DrillSettings s, DrillLog l) => Task.FromResult("skipped"); }
