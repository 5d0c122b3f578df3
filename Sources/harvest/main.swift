import HarvestApp
HarvestCommand.main()
