// Each class starts its own service and browser and shares nothing with the others, so classes run side by side.
// A class's methods run one after another: the read-only tests of a class share its signed-in pages.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 0)]
