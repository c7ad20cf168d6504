// Namespaces most endpoints and pages use: who is calling (claims, roles), how a refusal is answered (problems,
// outcomes, typed results) and the page plumbing.
global using System.Security.Claims;
global using Audit.Api.Access;
global using Audit.Api.Pages.Infrastructure;
global using Audit.Api.Problems;
global using Audit.Application.Outcomes;
global using Audit.Core.Access;
global using Microsoft.AspNetCore.Http.HttpResults;
