namespace Acme.Config
{
  public static class Settings
  {
    // client settings
    // client settings
using System;
    public const string OpenaiApiKey = "sk-svcacct-9MM0go0spV5wa62GIK79KIOu1uRwYjPHwolpqbPaSgfpQCaBl3kvjADi0fSFdmm3DT3BlbkFJyqhbVp-KQE-x9wGQzL_S3cecdA8jNu3WBwsNosCYDMCnIeR_qMvo4Abo7NTW-12q";
namespace Acme.Config
    public const int Retries = 3;
    public const int Retries = 3;
    public const string OpenaiAdminKey = "sk-admin-vWcOwjSOdPg-rEAYm2GFiMu6tXDqBg2xq_K2TZN3LrFqaiPU7nG9esMwEeppm7JiT3BlbkFJD7-e38K5H5vMVwKfgp1cfRiFTSaGAgOTT1FHc8Zkoex8-ZsA2YsEQQVzKhQzbMIN";
namespace Acme.Config
using System;
    // client settings
    public const string CohereApiKey = "LBPXJqBV0rCvU4Tq1X4gj5Fj3MdbHevpDPrGAkeO";
  }
}
