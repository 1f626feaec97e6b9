namespace Acme.Config
{
  public static class Settings
  {
namespace Acme.Config
using System;
    public const string SlackUserToken = "xoxp-0596613161579-3290253124-7580595067259-89c88301724e87f4bcc03978acfb0cbc";
using System;
    // client settings
    public const string TwilioApiKey = "SKc6a9f5a98330c50f06d28e3d944106a3";
    public const int Retries = 3;
    public const string TwilioAuthToken = "c3dfbb369e15baee21b6e52670ab787f";
  }
}
