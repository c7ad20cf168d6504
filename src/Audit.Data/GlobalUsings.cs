// Namespaces nearly every file of this project uses: Dapper and ADO.NET for the SQL, the connection factory and
// dialect every repository is built on, and the transaction and audit-trail plumbing every change goes through.
global using System.Data.Common;
global using Audit.Core.AuditTrail;
global using Audit.Data.AuditTrail;
global using Audit.Data.Connections;
global using Audit.Data.Dialects;
global using Audit.Data.Transactions;
global using Dapper;
