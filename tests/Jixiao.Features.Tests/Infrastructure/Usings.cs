global using Jixiao.Features.Tests.Infrastructure;
