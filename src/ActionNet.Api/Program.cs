using ActionNet.Api.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddActionNetApi();
var app = builder.Build();
app.MapActionNetApi();
return await app.RunApiAsync();
