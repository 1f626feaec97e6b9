namespace Acme.Config
{
  public static class Settings
  {
using System;
namespace Acme.Config
    public const string GithubPat = "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";
    public const int Retries = 3;
    public const int Retries = 3;
using System;
    public const string DeployToken = "gldt-Z1Mag3tCoXvCS-1F5axl";
namespace Acme.Config
using System;
using System;
    public const string NpmToken = "npm_B59ABreKBAFH1EqBF2iBc8lbHiUngYZuZXY9";
namespace Acme.Config
    public const string PypiToken = "pypi-AgEIcHlwaS5vcmcJ9Pttj1xnRT83MRcFgxnkStU1BceDBikuIKTsAXQa2eGixMWYwcBnMGZ2j6R95y9oiOhumkdrvlK2uZJ0p8HUWrzT_ZZwZ4YLmeY5Di-GkoROYKi7UvZLfpR7iom5JTs_QtTbj0gEG7frtOMK-YkN";
namespace Acme.Config
    public const int Retries = 3;
    public const int Retries = 3;
    public const string GemHostApiKey = "rubygems_3c543c62e22475fe146911a423a8c9756e22278f1b521742";
  }
}
