using ActionNet.Silo.Hosting;

var builder = SiloApplication.CreateBuilder(args);
builder.AddActionNetSilo();
using var host = builder.Build();
return await host.RunSiloAsync();
