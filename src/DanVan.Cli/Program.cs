return await DanVan.Cli.Cli.RunAsync(args, Console.Out, Console.Error);
