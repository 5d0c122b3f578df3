import HarvestApp

HarvestCommand.main()
