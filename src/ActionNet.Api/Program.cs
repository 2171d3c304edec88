using ActionNet.Api.Hosting;
using ActionNet.ServiceDefaults;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddActionNetServiceDefaults();
builder.AddActionNetApi();
var app = builder.Build();
app.MapActionNetApi();
return await app.RunApiAsync();
