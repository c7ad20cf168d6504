// Each class starts its own service and every test gets a fresh browser context, so tests may run side by side.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel, Workers = 0)]
