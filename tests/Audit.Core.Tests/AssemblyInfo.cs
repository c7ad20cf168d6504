// Tests are independent (each class owns its database), so methods may run in parallel.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 0)]
