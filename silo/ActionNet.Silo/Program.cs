using ActionNet.Silo.Hosting;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddActionNetSilo();
using var host = builder.Build();
return await host.RunSiloAsync();
