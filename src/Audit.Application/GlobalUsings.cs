// Namespaces nearly every use case uses: the caller, the outcome it returns, the participation scope, the request
// checks, and the domain it acts on.
global using Audit.Application.Access;
global using Audit.Application.Outcomes;
global using Audit.Application.Participations;
global using Audit.Application.Requests;
global using Audit.Core.Access;
global using Audit.Core.Answers;
global using Audit.Core.Institutions;
global using Audit.Core.Rounds;
