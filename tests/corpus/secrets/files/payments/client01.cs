namespace Acme.Config
{
  public static class Settings
  {
    public const string StripeSecretKey = "sk_live_nJI9Qvsl7C0S4Pj59Cc4vBYf";
    public const string PaypalClientSecret = "E-olZ1iDI8H8zRLePz8f2G0_fC5ZpOn39IY-5rE3w4DxQH5P3grGfhpen6VmwEQXLoBorYKYPgNJWBjM";
    public const string BraintreePrivateKey = "1f3b6a68f0d557f37ee9657f362fa472";
  }
}
