using ActionNet.ServiceDefaults;
using ActionNet.Silo.Hosting;

var builder = SiloApplication.CreateBuilder(args);
builder.AddActionNetServiceDefaults();
builder.AddActionNetSilo();
await using var app = builder.Build();
app.MapActionNetDefaultEndpoints();
return await app.RunSiloAsync();
