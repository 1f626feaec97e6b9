  accessToken: 'P-2xcZLj2Tt2jMpAIP',
  accessToken: 'd9qW4CqXhY9GbE6w7-k-iaK',
  clientSecret: 'oPuU-v0YCB89W3yQ9m2kq#GPfKVKYlwY',
