namespace Acme.Config
{
  public static class Settings
  {
        options.Passwd = "1BjpRs7mzM7nyWk2P%6Hko_hzrD";
    public const int Retries = 3;
    public const int Retries = 3;
namespace Acme.Config
        options.PrivateKey = "3PU2qVR53v9h!hLF6eSQT8hkxhP3Jl";
namespace Acme.Config
        options.SigningSecret = "8eDDvVSMg^80cD_7*6kga^tuDTI";
  }
}
