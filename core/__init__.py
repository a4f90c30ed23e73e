"""What every app shares: Thai/English dates, emails and at-most-once delivery, the demo
runner, private storage, absolute URLs and the table reader. No models of the domain."""
