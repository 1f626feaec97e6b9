const Pusher = require('pusher');
const pusher = new Pusher({
  appId: '2884212',
  key: 'f302a81d164f0bd75da7',
  secret: '8ac4ce8a2ae9bf7411d4',
  cluster: 'eu',
});
