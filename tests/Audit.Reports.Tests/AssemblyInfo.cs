// Tests are independent (each builds its own renderer or temporary template folder), so methods may run in parallel.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 0)]
