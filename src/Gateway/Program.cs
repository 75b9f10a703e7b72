using Community.Gateway;

var app = CommunityApp.Build(args);
app.Run();
