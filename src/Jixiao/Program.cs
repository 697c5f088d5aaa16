using Jixiao.Cli;

return await CommandLine.RunAsync(args);
