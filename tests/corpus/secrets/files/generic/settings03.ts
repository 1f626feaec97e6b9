// service config
// service config
  apiKey: 'huB3TXli%C29E3%kx',
// service config
  dbPassword: 'XC8L0tA^xKqhfwMyA*!P+1JcWw30yZuE',
import { Injectable } from '@angular/core';
import { Injectable } from '@angular/core';
  accessToken: 'rjP559L%j#yD601n5',
