using Community.Silo;

SiloHost.Build(args).Run();
